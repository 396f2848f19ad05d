using System.Net.Sockets;
using EscalationPlatform.Messaging.Retries;
using Npgsql;

namespace Messaging.UnitTests;

public sealed class DatabaseOutageTests
{
    [Fact]
    public void A_refused_connection_under_the_execution_strategy_is_an_outage() =>
        Assert.True(DatabaseOutage.Caused(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)))));

    [Fact]
    public void A_connection_lost_inside_an_aggregate_is_an_outage() =>
        Assert.True(DatabaseOutage.Caused(new AggregateException(new TimeoutException(), new SocketException((int)SocketError.ConnectionReset))));

    [Theory]
    [MemberData(nameof(FailuresOfTheMessage))]
    public void A_failure_of_the_message_itself_is_not(Exception failure) => Assert.False(DatabaseOutage.Caused(failure));

    public static TheoryData<Exception> FailuresOfTheMessage() =>
    [
        new InvalidOperationException("Work is broken until fixed."),
        new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation),
        new ArgumentException("bad payload", new FormatException()),
    ];
}
