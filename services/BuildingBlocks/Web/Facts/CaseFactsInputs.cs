using System.Net.Mail;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;

namespace EscalationPlatform.Web.Facts;

/// <summary>Validates case facts from a REST request and turns them into <see cref="CaseFacts"/>. The limits are
/// the platform's: generous for real cases, finite for everything.</summary>
public static class CaseFactsInputs
{
    public const int MaxShortText = 200;
    public const int MaxText = 4_000;
    public const int MaxItems = 50;
    public const int MaxItemLength = 2_000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 64;
    public const int MaxAffectedCount = 100_000_000;

    /// <summary>Checks every field; times are checked against <paramref name="now"/>, the time of the request.
    /// <paramref name="customerKnown"/> says whether the customer's id was found in a directory that fills in the
    /// rest; otherwise name, tier and time zone are required.</summary>
    public static void Validate(CaseFactsInput input, ValidationErrors errors, DateTimeOffset now, bool customerKnown = false)
    {
        if (input.IssueType is null)
        {
            errors.Add("issueType", "required: technical, billing, legal, access, security or other");
        }

        errors.Text("productArea", input.ProductArea, MaxShortText);
        errors.Text("release", input.Release, MaxShortText);
        ValidateCustomer(input.Customer, errors, customerKnown);

        ValidateImpact(input.Impact, errors);
        ValidateUrgency(input.Urgency, errors, now);
        ValidateContext(input.Context, errors, now);
        errors.Texts("actionsTaken", input.ActionsTaken, MaxItems, MaxItemLength);
        errors.Texts("tags", input.Tags, MaxTags, MaxTagLength);
    }

    public static void ValidateImpact(ImpactFacts? impact, ValidationErrors errors)
    {
        if (impact is not null)
        {
            errors.Range("impact.affectedCount", impact.AffectedCount, 0, MaxAffectedCount);
            errors.Text("impact.businessImpact", impact.BusinessImpact, MaxText);
        }
    }

    public static void ValidateUrgency(UrgencyInput? urgency, ValidationErrors errors, DateTimeOffset now)
    {
        if (urgency?.Deadline is { } deadline && !FactChecks.IsDeadline(deadline, now))
        {
            errors.Add("urgency.deadline",
                $"must lie between {FactChecks.DeadlinePast.TotalDays:0} days ago and {FactChecks.YearsAway} years from now");
        }
    }

    public static void ValidateContext(ContextInput? context, ValidationErrors errors, DateTimeOffset now)
    {
        if (context is null)
        {
            return;
        }

        errors.Texts("context.errorMessages", context.ErrorMessages, MaxItems, MaxItemLength)
            .Texts("context.logLinks", context.LogLinks, MaxItems, MaxItemLength)
            .Texts("context.screenshotLinks", context.ScreenshotLinks, MaxItems, MaxItemLength)
            .Texts("context.accountIds", context.AccountIds, MaxItems, MaxShortText)
            .Text("context.reproductionSteps", context.ReproductionSteps, MaxText)
            .Texts("context.affectedServices", context.AffectedServices, MaxItems, MaxShortText)
            .Text("context.recentChanges", context.RecentChanges, MaxText)
            .Text("context.attempted", context.Attempted, MaxText)
            .Text("context.invoiceOrTransactionId", context.InvoiceOrTransactionId, MaxShortText)
            .Range("context.amount", (double?)context.Amount, 0, 1e12)
            .Texts("context.affectedAccounts", context.AffectedAccounts, MaxItems, MaxShortText)
            .Text("context.observed", context.Observed, MaxText)
            .Text("context.counterpartyOrDocument", context.CounterpartyOrDocument, MaxText);
        ValidateLinks("context.logLinks", context.LogLinks, errors);
        ValidateLinks("context.screenshotLinks", context.ScreenshotLinks, errors);
        ValidateObservedTime("context.firstSeenAt", context.FirstSeenAt, errors, now);
        ValidateObservedTime("context.detectedAt", context.DetectedAt, errors, now);
        if (context.Currency is { } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            errors.Add("context.currency", "a three-letter ISO 4217 code such as EUR");
        }
    }

    private static void ValidateLinks(string field, IReadOnlyList<string>? links, ValidationErrors errors)
    {
        for (var index = 0; index < Math.Min(links?.Count ?? 0, MaxItems); index++)
        {
            if (links![index] is { } link && !string.IsNullOrWhiteSpace(link) && !FactChecks.IsWebLink(link))
            {
                errors.Add($"{field}[{index}]", "must be a web link starting with http:// or https://");
            }
        }
    }

    private static void ValidateObservedTime(string field, DateTimeOffset? at, ValidationErrors errors, DateTimeOffset now)
    {
        if (at is { } time && !FactChecks.IsObservedTime(time, now))
        {
            errors.Add(field, $"must not be in the future nor more than {FactChecks.YearsAway} years ago");
        }
    }

    private static void ValidateCustomer(CustomerInput? customer, ValidationErrors errors, bool customerKnown)
    {
        if (customer is null)
        {
            errors.Add("customer", "required");
            return;
        }

        errors.Text("customer.id", customer.Id, MaxShortText, required: true);
        errors.Text("customer.name", customer.Name, MaxShortText, required: !customerKnown);
        if (customer.Tier is null && !customerKnown)
        {
            errors.Add("customer.tier", "required: standard, premium or strategic");
        }

        if (customer.TimeZone is null)
        {
            if (!customerKnown)
            {
                errors.Add("customer.timeZone", "required: an IANA time zone such as Europe/Berlin");
            }
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(customer.TimeZone, out _))
        {
            errors.Add("customer.timeZone", customer.TimeZone.Length > 64
                ? "at most 64 characters: an IANA time zone such as Europe/Berlin"
                : $"'{customer.TimeZone}' is not a known IANA time zone");
        }

        if (customer.ContactEmail is { } email && (email.Length > MaxShortText || !MailAddress.TryCreate(email, out _)))
        {
            errors.Add("customer.contactEmail", "must be an e-mail address");
        }
    }

    /// <summary>The facts of a valid input. <paramref name="customer"/>, when given, is the customer as decided
    /// elsewhere (intake's customer directory); otherwise the input's customer is taken as it is.</summary>
    public static CaseFacts ToFacts(CaseFactsInput input, DateTimeOffset submittedAt, CustomerFacts? customer = null) => new()
    {
        IssueType = input.IssueType!.Value,
        ProductArea = input.ProductArea,
        Release = input.Release,
        Customer = customer ?? new CustomerFacts
        {
            Id = input.Customer!.Id!,
            Name = input.Customer.Name!,
            Tier = input.Customer.Tier!.Value,
            ContractualSla = input.Customer.ContractualSla ?? false,
            TimeZone = input.Customer.TimeZone!,
            ContactEmail = input.Customer.ContactEmail,
        },
        Impact = input.Impact ?? new ImpactFacts(),
        Urgency = input.Urgency is null ? new UrgencyFacts() : ToFacts(input.Urgency),
        Sentiment = input.Sentiment,
        Context = ToFacts(input.Context ?? new ContextInput()),
        ActionsTaken = input.ActionsTaken ?? [],
        Tags = input.Tags ?? [],
        SubmittedAt = submittedAt,
    };

    /// <summary>The urgency signals an input gives: a signal it leaves out is not raised.</summary>
    public static UrgencyFacts ToFacts(UrgencyInput urgency) => new()
    {
        WorkaroundAvailable = urgency.WorkaroundAvailable,
        Deadline = urgency.Deadline,
        Outage = urgency.Outage ?? false,
        SecurityExposure = urgency.SecurityExposure ?? false,
        DataExposure = urgency.DataExposure ?? false,
        ComplianceRisk = urgency.ComplianceRisk ?? false,
        PaymentAffected = urgency.PaymentAffected ?? false,
    };

    /// <summary>The context an input gives, each list without repeats: what it leaves out is empty or unknown.</summary>
    public static ContextFacts ToFacts(ContextInput context) => new()
    {
        ErrorMessages = Distinct(context.ErrorMessages),
        LogLinks = Distinct(context.LogLinks),
        ScreenshotLinks = Distinct(context.ScreenshotLinks),
        AccountIds = Distinct(context.AccountIds),
        ReproductionSteps = context.ReproductionSteps,
        AffectedServices = Distinct(context.AffectedServices),
        FirstSeenAt = context.FirstSeenAt,
        RecentChanges = context.RecentChanges,
        Attempted = context.Attempted,
        MfaInvolved = context.MfaInvolved,
        InvoiceOrTransactionId = context.InvoiceOrTransactionId,
        Amount = context.Amount,
        Currency = context.Currency,
        AffectedAccounts = Distinct(context.AffectedAccounts),
        Observed = context.Observed,
        DetectedAt = context.DetectedAt,
        CounterpartyOrDocument = context.CounterpartyOrDocument,
    };

    private static IReadOnlyList<string> Distinct(IReadOnlyList<string>? items) =>
        items is null ? [] : [.. items.Distinct(StringComparer.Ordinal).Take(MaxItems)];
}
