using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Notification.Api.Email;

/// <summary>Sends email over SMTP to the server named by the "mail" connection string ("Endpoint=smtp://host:port").
/// Connections are kept open and reused (a handful at most), so a burst of notifications does not pay a TCP and
/// SMTP handshake per message.</summary>
public sealed class SmtpMailer(IConfiguration configuration, IOptions<NotificationOptions> options) : IAsyncDisposable
{
    private const int MaxIdleConnections = 4;

    private readonly ConcurrentBag<SmtpClient> _idle = [];
    private readonly Lazy<Uri> _endpoint = new(() => ParseEndpoint(configuration.GetConnectionString("mail")));

    /// <summary>Sends one message (plain text, and HTML beside it when given); its Message-ID is the delivery id, so a receiver can tell a resend from a new mail.</summary>
    public async Task SendAsync(Guid deliveryId, string to, string subject, string body, string? html, CancellationToken cancellationToken)
    {
        var message = new MimeMessage
        {
            MessageId = $"{deliveryId:N}@escalation-platform",
            Subject = subject,
            Body = html is null ? new TextPart("plain") { Text = body } : new BodyBuilder { TextBody = body, HtmlBody = html }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(to));

        var client = await RentAsync(cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        Return(client);
    }

    private async Task<SmtpClient> RentAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsConnected)
            {
                return idle;
            }

            idle.Dispose();
        }

        var client = new SmtpClient { Timeout = (int)options.Value.AttemptTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_endpoint.Value.Host, _endpoint.Value.Port, SecureSocketOptions.None, cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return client;
    }

    private void Return(SmtpClient client)
    {
        if (_idle.Count < MaxIdleConnections)
        {
            _idle.Add(client);
        }
        else
        {
            client.Dispose();
        }
    }

    public static Uri ParseEndpoint(string? connectionString)
    {
        var endpoint = connectionString?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .FirstOrDefault(pair => pair.Length == 2 && pair[0].Equals("Endpoint", StringComparison.OrdinalIgnoreCase))?[1];
        return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme == "smtp"
            ? uri
            : throw new InvalidOperationException("ConnectionStrings:mail must be \"Endpoint=smtp://host:port\".");
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client))
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }

            client.Dispose();
        }
    }
}
