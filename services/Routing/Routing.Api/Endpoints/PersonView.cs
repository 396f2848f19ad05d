namespace Routing.Api.Endpoints;

/// <summary>A person as routing's views name them: who asked, who is asked, who is on call.</summary>
public sealed record PersonView(string Id, string Name);
