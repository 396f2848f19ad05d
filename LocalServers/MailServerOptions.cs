namespace EscalationPlatform.LocalServers;

/// <param name="Executable">The smtp4dev program (from the Rnwood.Smtp4dev dotnet tool).</param>
/// <param name="SmtpPort">Where services send mail.</param>
/// <param name="HttpPort">The web UI and the HTTP API that reads received mail.</param>
public sealed record MailServerOptions(string Executable, int SmtpPort, int HttpPort);
