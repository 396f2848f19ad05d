using System.Text;
using EscalationPlatform.Harness.Load;

namespace Benchmarks.Overhead;

/// <summary>What a portal and a partner do most: read a record (60 %), list the newest (20 %) and submit (20 %).</summary>
public sealed class RequestMix(IReadOnlyList<Guid> records, CaseMix cases)
{
    public HttpRequestMessage Next(Random random)
    {
        var roll = random.NextDouble();
        if (roll < 0.6)
        {
            return new HttpRequestMessage(HttpMethod.Get, $"/api/v1/escalations/{records[random.Next(records.Count)]}");
        }

        if (roll < 0.8)
        {
            return new HttpRequestMessage(HttpMethod.Get, "/api/v1/escalations?limit=20");
        }

        var next = cases.Next();
        var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/escalations") { Content = new StringContent(next.Body, Encoding.UTF8, "application/json") };
        submit.Headers.Add("Idempotency-Key", next.IdempotencyKey);
        return submit;
    }
}
