namespace EscalationPlatform.LocalServers;

/// <summary>The command line for smtp4dev, a development mail server that keeps what it receives in memory.</summary>
public static class MailServerCommands
{
    public const string ToolPackage = "rnwood.smtp4dev";
    public const string ToolVersion = "3.15.0";

    public static LocalServerCommand Server(MailServerOptions options) => LocalServerCommand.Of(
        options.Executable,
        $"--urls=http://127.0.0.1:{options.HttpPort}",
        $"--smtpport={options.SmtpPort}",
        "--bindaddress=127.0.0.1",
        "--hostname=localhost",
        "--tlsmode=None",
        // No IMAP or POP3: they listen on the fixed ports 143 and 110, so a second platform on the machine (tests
        // beside ./run.sh, or two test runs) could not start its mail server.
        "--imapport=",
        "--pop3port=",
        "--db=",
        $"--messagestokeep={MessagesToKeep}",
        $"--sessionstokeep={MessagesToKeep}");

    /// <summary>smtp4dev keeps 100 by default, fewer than a test run or a demo afternoon sends.</summary>
    public const int MessagesToKeep = 10_000;

    public static string ConnectionString(int smtpPort) => $"Endpoint=smtp://127.0.0.1:{smtpPort}";
}
