using EscalationPlatform.Messaging.Outbox;

namespace Messaging.UnitTests;

public sealed class HeaderSerializationTests
{
    [Fact]
    public void Strings_numbers_and_booleans_come_back_as_themselves()
    {
        var json = HeaderSerialization.Write(new Dictionary<string, object>
        {
            ["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            ["MT-Redelivery-Count"] = 2,
            ["Persistent"] = true,
            ["ratio"] = 0.5,
        });

        var headers = HeaderSerialization.Read(json);

        Assert.Equal("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", headers["traceparent"]);
        Assert.Equal(2L, headers["MT-Redelivery-Count"]);
        Assert.Equal(true, headers["Persistent"]);
        Assert.Equal(0.5, headers["ratio"]);
    }

    [Fact]
    public void No_headers_are_stored_as_null_and_read_back_as_none()
    {
        Assert.Null(HeaderSerialization.Write([]));
        Assert.Empty(HeaderSerialization.Read(null));
        Assert.Empty(HeaderSerialization.Read(""));
    }

    [Fact]
    public void Header_names_are_found_whatever_their_case()
    {
        var headers = HeaderSerialization.Read(HeaderSerialization.Write(new Dictionary<string, object> { ["MT-Reason"] = "fault" }));

        Assert.Equal("fault", headers["mt-reason"]);
    }
}
