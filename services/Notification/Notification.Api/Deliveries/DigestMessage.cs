using System.Net;
using System.Text;

namespace Notification.Api.Deliveries;

/// <summary>A recipient's digest: the non-urgent emails to them that fell due together, sent as one message (SPEC §7:
/// no noise). Each notice keeps its own delivery row, so its outcome and its dedup key stay its own.</summary>
public static class DigestMessage
{
    /// <summary>At most this many notices in one digest; more go in the next.</summary>
    public const int MaxNotices = 50;

    /// <summary>What the worker attempts together: each recipient's digest deliveries as one unit (up to
    /// <see cref="MaxNotices"/>), every other delivery on its own.</summary>
    public static IEnumerable<IReadOnlyList<Delivery>> Units(IReadOnlyList<Delivery> taken)
    {
        foreach (var single in taken.Where(delivery => !IsDigest(delivery)))
        {
            yield return [single];
        }

        foreach (var recipient in taken.Where(IsDigest).GroupBy(delivery => (delivery.TenantId, delivery.Recipient)))
        {
            foreach (var chunk in recipient.OrderBy(delivery => delivery.CreatedAt).Chunk(MaxNotices))
            {
                yield return chunk;
            }
        }
    }

    /// <summary>The email for a unit: the notice itself when it is alone, else a digest listing each.</summary>
    public static (string Subject, string Text, string? Html) Of(IReadOnlyList<Delivery> unit)
    {
        if (unit.Count == 1)
        {
            return (unit[0].Subject, unit[0].Body, unit[0].Html);
        }

        var subject = $"{unit.Count} updates on your escalations";
        var text = new StringBuilder($"{subject}:\n");
        var html = new StringBuilder($"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{subject}</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5\">\n<h2>{subject}</h2>\n");
        foreach (var delivery in unit)
        {
            text.Append($"\n— {delivery.Subject}\n{delivery.Body}\n");
            html.Append($"<h3>{WebUtility.HtmlEncode(delivery.Subject)}</h3>\n<p>{WebUtility.HtmlEncode(delivery.Body).ReplaceLineEndings("<br>\n")}</p>\n");
        }

        html.Append("</body></html>");
        return (subject, text.ToString(), html.ToString());
    }

    private static bool IsDigest(Delivery delivery) => delivery.Digest && delivery.Channel == DeliveryChannel.Email;
}
