using EscalationPlatform.Contracts;
using Microsoft.AspNetCore.Http;

namespace EscalationPlatform.Web.Actors;

/// <summary>Who is making a request, for the timeline and for rules such as "only the offered owner may
/// acknowledge". Read from the x-actor-id, x-actor-name and x-actor-kind headers, which the gateway sets
/// (until it authenticates, clients send them); without them the actor is an anonymous portal user.</summary>
public static class RequestActor
{
    public const string IdHeader = "x-actor-id";
    public const string NameHeader = "x-actor-name";
    public const string KindHeader = "x-actor-kind";
    public const int MaxLength = 200;

    public static readonly Actor Anonymous = new(ActorKind.Person, "anonymous", "Anonymous portal user");

    public static Actor From(HttpRequest request)
    {
        var id = Header(request, IdHeader);
        if (id is null)
        {
            return Anonymous;
        }

        var kind = Header(request, KindHeader) switch
        {
            "partner" => ActorKind.Partner,
            "service" => ActorKind.Service,
            _ => ActorKind.Person,
        };
        return new Actor(kind, id, Header(request, NameHeader) ?? id);
    }

    private static string? Header(HttpRequest request, string name)
    {
        var value = request.Headers[name].ToString().Trim();
        return value.Length == 0 ? null : value.Length > MaxLength ? value[..MaxLength] : value;
    }
}
