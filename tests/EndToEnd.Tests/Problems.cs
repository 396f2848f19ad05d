using System.Net;
using System.Text;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>Requests and answers the access tests share.</summary>
public static class Problems
{
    /// <summary>A request of the method to the path, with an empty JSON object as the body of a write.</summary>
    public static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json"),
    };

    /// <summary>The answer has the expected status and is problem details; returns them.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The answer has the expected status and problem details naming <paramref name="field"/> among its errors.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode expected, string field)
    {
        var problem = await AssertProblemAsync(response, expected);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(error => error.Name == field),
            $"the problem names {field}: {problem}");
        return problem;
    }
}
