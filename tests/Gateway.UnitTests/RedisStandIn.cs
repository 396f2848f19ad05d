using System.Collections.Concurrent;
using System.Reflection;
using StackExchange.Redis;

namespace Gateway.UnitTests;

/// <summary>Redis as far as the rate limiter uses it (a connection whose database evaluates the token-bucket script),
/// answering what the test says: a decision, a failure, or nothing at all. It records each script call's key and
/// capacity. Anything else the limiter might start calling fails loudly.</summary>
public class RedisStandIn : DispatchProxy
{
    private RedisStandIn _state = null!;

    /// <summary>The answer to the next script call: (key, capacity) to a result, or a throw.</summary>
    public Func<string, int, Task<RedisResult>> Answer { get; set; } = (_, _) => Task.FromResult(Decision(allowed: true, waitMs: 0));

    public ConcurrentQueue<(string Key, int Capacity)> Calls { get; } = new();

    public static (IConnectionMultiplexer Connection, RedisStandIn Redis) Create()
    {
        var connection = DispatchProxy.Create<IConnectionMultiplexer, RedisStandIn>();
        var state = (RedisStandIn)(object)connection;
        state._state = state;
        return (connection, state);
    }

    /// <summary>What the script returns: { allowed, waitMs }.</summary>
    public static RedisResult Decision(bool allowed, long waitMs) =>
        RedisResult.Create([RedisResult.Create(allowed ? 1 : 0), RedisResult.Create(waitMs)]);

    public static Task<RedisResult> Unreachable() =>
        Task.FromException<RedisResult>(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connection is available"));

    public static Task<RedisResult> NoAnswer() => new TaskCompletionSource<RedisResult>().Task;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        switch (targetMethod?.Name)
        {
            case nameof(IConnectionMultiplexer.GetDatabase):
                var database = DispatchProxy.Create<IDatabase, RedisStandIn>();
                ((RedisStandIn)(object)database)._state = _state;
                return database;
            case nameof(IDatabase.ScriptEvaluateAsync) when args is [LuaScript, { } parameters, ..]:
                var key = ((RedisKey)parameters.GetType().GetProperty("key")!.GetValue(parameters)!).ToString();
                var capacity = (int)parameters.GetType().GetProperty("capacity")!.GetValue(parameters)!;
                _state.Calls.Enqueue((key, capacity));
                return _state.Answer(key, capacity);
            default:
                throw new NotSupportedException($"The Redis stand-in does not do {targetMethod?.Name}.");
        }
    }
}
