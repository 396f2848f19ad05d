using Intake.Api.Records;
using Intake.Api.Views;

namespace Intake.Api.Caching;

/// <summary>A record and its latest timeline entries as the database answered them (never the view built from them:
/// that depends on the time of the read). Shared by every read: nothing may change them.</summary>
public sealed record CachedRecord(EscalationRecord Record, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>The rows a queue query answered (one more than the page, when there is a next page).</summary>
public sealed record CachedPage(IReadOnlyList<EscalationLine> Lines);
