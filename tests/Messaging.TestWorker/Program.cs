using Microsoft.Extensions.Hosting;
using Messaging.TestWorker;

// A test service in its own process, so a test can kill it: `Messaging.TestWorker <role>`, configured by
// environment variables (ConnectionStrings__messaging, ConnectionStrings__database, Messaging__*).
var settings = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(entry => ((string)entry.Key).Replace("__", ":"), entry => (string?)entry.Value);
using var host = TestHosts.Build(args.FirstOrDefault() ?? TestHosts.Worker, settings);
await host.StartAsync();
Console.WriteLine("ready");
await host.WaitForShutdownAsync();
