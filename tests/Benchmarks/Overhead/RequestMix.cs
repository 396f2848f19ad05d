using System.Text;
using EscalationPlatform.Harness.Load;

namespace Benchmarks.Overhead;

/// <summary>What a portal and a partner do most: read a record (60 %), list the newest (20 %) and submit (20 %); with
/// <paramref name="readsOnly"/>, a queue screen's load: read a record (80 %) and list the newest (20 %).</summary>
public sealed class RequestMix(IReadOnlyList<Guid> records, CaseMix cases, bool readsOnly = false)
{
    public string Describe() => readsOnly ? "read a record 80 %, list the newest 20 20 %" : "read a record 60 %, list the newest 20 20 %, submit 20 %";

    public HttpRequestMessage Next(Random random)
    {
        var roll = random.NextDouble();
        if (roll < (readsOnly ? 0.8 : 0.6))
        {
            return new HttpRequestMessage(HttpMethod.Get, $"/api/v1/escalations/{records[random.Next(records.Count)]}");
        }

        if (readsOnly || roll < 0.8)
        {
            return new HttpRequestMessage(HttpMethod.Get, "/api/v1/escalations?limit=20");
        }

        var next = cases.Next();
        var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/escalations") { Content = new StringContent(next.Body, Encoding.UTF8, "application/json") };
        submit.Headers.Add("Idempotency-Key", next.IdempotencyKey);
        return submit;
    }
}
