using System.Text.Json;
using System.Text.Json.Serialization;
using Cordon.Screening;
using Cordon.Storage;

namespace Cordon.Server.Apis;

/// <summary>
/// One query to screen. <c>purpose</c> is mandatory: it is recorded in the audit trail and shown to owners of hit-no-hit
/// records. <c>subject</c> is the asker's own reference for whom it screens (a customer or traveller id): review
/// decisions are kept per subject; without one, the subject is derived from the name, birth date, country and schema.
/// </summary>
public sealed record ScreenRequest(
    string? Name,
    string? BirthDate = null,
    string? Country = null,
    string? Schema = null,
    IReadOnlyList<string>? Identifiers = null,
    string? Purpose = null,
    int? Limit = null,
    double? Threshold = null,
    string? Subject = null);

/// <summary>
/// The answer to a screening query: the hits the asker may see, the hit-no-hit referrals, the review items of hits left
/// out because the asker dismissed them (until the record changes), and the audit entry it was recorded as.
/// </summary>
public sealed record ScreenAnswer(
    ScreenRequest Query,
    string Subject,
    double Threshold,
    IReadOnlyList<ScreenHit> Results,
    IReadOnlyList<ReferralDto> Referrals,
    IReadOnlyList<string> Suppressed,
    long AuditSeq);

/// <summary>One hit: the record, its owner, the calibrated score and why.</summary>
public sealed record ScreenHit(
    string Id,
    string Schema,
    string Caption,
    string Dataset,
    string Owner,
    double Score,
    double NameScore,
    string MatchedName,
    string MatchedProperty,
    IReadOnlyList<ExplanationItem> Explanation,
    IReadOnlyList<PartMatch> Parts,
    ReviewRef? Review);

/// <summary>A hit-no-hit match: a record exists; quote the reference to its owner.</summary>
public sealed record ReferralDto(string Reference, string Owner, string Band, ReviewRef? Review);

/// <summary>A FollowTheMoney entity as the API gives it, with its dataset, owner and handling rule.</summary>
public sealed record EntityDto(
    string Id,
    string Schema,
    string Caption,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Properties,
    IReadOnlyList<string> Datasets,
    string? SourceRef,
    string Owner,
    string Handling,
    IReadOnlyList<string>? ShareWith);

/// <summary>
/// A record to create or replace: FtM <c>schema</c> and <c>properties</c> (each a string or a list of strings), the
/// <c>dataset</c> (on create), the source's own <c>id</c> (optional on create) and its own handling rule (optional).
/// </summary>
public sealed record EntityInput(
    string? Schema,
    Dictionary<string, JsonElement>? Properties,
    string? Dataset = null,
    string? Id = null,
    string? Handling = null,
    IReadOnlyList<string>? ShareWith = null);

/// <summary>A dataset as an asker may see it.</summary>
public sealed record DatasetDto(
    string Name,
    string Title,
    string Owner,
    string Format,
    int Version,
    int Records,
    int Entities,
    DateTimeOffset UpdatedAt,
    string Handling,
    IReadOnlyList<string>? ShareWith);

/// <summary>A new dataset of the asker's agency: named <c>{agency}_{name}</c>, with its default handling rule.</summary>
public sealed record DatasetInput(string? Name, string? Title = null, string? Handling = null, IReadOnlyList<string>? ShareWith = null);

/// <summary>A handling rule to set.</summary>
public sealed record HandlingInput(string? Handling, IReadOnlyList<string>? ShareWith = null);

/// <summary>What a change produced: the dataset version and its delta.</summary>
public sealed record ChangeAnswer(ImportResult Result, IReadOnlyList<string> Warnings);

/// <summary>A notification as its owner reads it.</summary>
public sealed record NotificationDto(
    long Seq,
    string Reference,
    DateTimeOffset At,
    string Kind,
    string FromAgency,
    string FromKey,
    string Purpose,
    JsonElement Query,
    string EntityId,
    double Score);

/// <summary>A page of notifications; pass <c>next</c> as <c>after</c> for the following page.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationDto> Notifications, long Next);

/// <summary>One audit entry with the hash that chains it.</summary>
public sealed record AuditDto(long Seq, string At, string Agency, string Key, string Action, string Subject, JsonElement Details, string Hash);

/// <summary>An agency's audit trail for an auditor: its entries, the chain's head, and the list and matcher versions in force.</summary>
public sealed record AuditPage(IReadOnlyList<AuditDto> Entries, long Next, AuditHead Head, string MatcherVersion, IReadOnlyList<ListVersion> Lists);

/// <summary>The newest entry of the whole chain: record it to check later that nothing was removed from the end.</summary>
public sealed record AuditHead(long Seq, string Hash);

/// <summary>A dataset's version at the time of the export.</summary>
public sealed record ListVersion(string Dataset, int Version, DateTimeOffset UpdatedAt);

/// <summary>
/// A review item as its agency sees it. A hit on a record the agency may see names it (<c>entityId</c>, <c>caption</c>,
/// <c>dataset</c>, <c>score</c>); a hit-no-hit referral carries only its <c>reference</c>, <c>owner</c> and <c>band</c>.
/// </summary>
public sealed record HitDto(
    long Seq,
    string Id,
    string Subject,
    string Status,
    string Origin,
    string Purpose,
    JsonElement Query,
    string Band,
    double? Score,
    string? EntityId,
    string? Caption,
    string? Dataset,
    string Owner,
    string? Reference,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? Note);

/// <summary>A page of review items; pass <c>next</c> as <c>after</c> for the following page.</summary>
public sealed record HitPage(IReadOnlyList<HitDto> Hits, long Next);

/// <summary>An analyst's decision on a review item: <c>confirm</c> or <c>dismiss</c>, and why.</summary>
public sealed record DecisionInput(string? Decision, string? Note);

/// <summary>One line of a batch: the fields of a single screen, and the caller's own <c>id</c> for the row (echoed back).</summary>
public sealed record BatchRow(
    string? Id = null,
    string? Name = null,
    string? BirthDate = null,
    string? Country = null,
    string? Schema = null,
    IReadOnlyList<string>? Identifiers = null,
    string? Purpose = null,
    int? Limit = null,
    double? Threshold = null,
    string? Subject = null)
{
    /// <summary>The row as a single screen; the batch's purpose stands in for a row that states none, and the row's id for its subject.</summary>
    public ScreenRequest ToScreenRequest(string? batchPurpose) =>
        new(Name, BirthDate, Country, Schema, Identifiers, string.IsNullOrWhiteSpace(Purpose) ? batchPurpose : Purpose, Limit, Threshold, Subject ?? Id);
}

/// <summary>
/// One line of a batch's answer: a row's answer (<c>line</c>, <c>id</c>, <c>results</c>…), a row's <c>error</c> (with
/// its <c>line</c>), the closing <c>summary</c>, or a closing <c>error</c> without a line when the batch could not go on.
/// </summary>
public sealed record BatchLine(
    long? Line = null,
    string? Id = null,
    string? Subject = null,
    IReadOnlyList<ScreenHit>? Results = null,
    IReadOnlyList<ReferralDto>? Referrals = null,
    IReadOnlyList<string>? Suppressed = null,
    long? AuditSeq = null,
    BatchProblem? Error = null,
    BatchSummary? Summary = null);

/// <summary>Why a line (or the rest of the batch) was not answered: the status it would have had, the field, the reason.</summary>
public sealed record BatchProblem(int Status, string? Field, string Detail);

/// <summary>A finished batch: lines read, rows answered, rows refused, hits and referrals, and the audit entries it wrote.</summary>
public sealed record BatchSummary(string Batch, long Lines, long Rows, long Errors, long Hits, long Referrals, long AuditFirst, long AuditLast, double Seconds);

/// <summary>A subject to monitor: the agency's own reference for it (<c>subject</c>), the query, and why (<c>purpose</c>).</summary>
public sealed record MonitorInput(
    string? Subject,
    string? Name,
    string? BirthDate = null,
    string? Country = null,
    string? Schema = null,
    IReadOnlyList<string>? Identifiers = null,
    string? Purpose = null);

/// <summary>A monitored subject as registered.</summary>
public sealed record MonitoredDto(
    string Subject,
    string Name,
    string? BirthDate,
    string? Country,
    string? Schema,
    IReadOnlyList<string> Identifiers,
    string Purpose,
    string Key,
    DateTimeOffset CreatedAt);

/// <summary>A registration and its first screen.</summary>
public sealed record MonitorAnswer(MonitoredDto Monitored, ScreenAnswer Screen);

/// <summary>A page of monitored subjects; pass <c>next</c> as <c>after</c> for the following page.</summary>
public sealed record MonitoredPage(IReadOnlyList<MonitoredDto> Subjects, string? Next);

/// <summary>Who a key speaks for.</summary>
public sealed record WhoAmI(string Agency, string Key, string Role);

/// <summary>Readiness: the screening view in use.</summary>
public sealed record Readiness(string Status, long Generation, int Entities);

/// <summary>Source-generated JSON for every body the API reads or writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScreenRequest))]
[JsonSerializable(typeof(ScreenAnswer))]
[JsonSerializable(typeof(EntityDto))]
[JsonSerializable(typeof(EntityInput))]
[JsonSerializable(typeof(DatasetDto))]
[JsonSerializable(typeof(IReadOnlyList<DatasetDto>))]
[JsonSerializable(typeof(DatasetInput))]
[JsonSerializable(typeof(HandlingInput))]
[JsonSerializable(typeof(ChangeAnswer))]
[JsonSerializable(typeof(NotificationPage))]
[JsonSerializable(typeof(AuditPage))]
[JsonSerializable(typeof(WhoAmI))]
[JsonSerializable(typeof(HitDto))]
[JsonSerializable(typeof(YenteMatchQuery))]
[JsonSerializable(typeof(YenteMatchResponse))]
[JsonSerializable(typeof(YenteSearchResponse))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(MonitorInput))]
[JsonSerializable(typeof(MonitorAnswer))]
[JsonSerializable(typeof(MonitoredPage))]
[JsonSerializable(typeof(BatchRow))]
[JsonSerializable(typeof(BatchLine))]
[JsonSerializable(typeof(HitPage))]
[JsonSerializable(typeof(DecisionInput))]
[JsonSerializable(typeof(Readiness))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
internal sealed partial class ApiJson : JsonSerializerContext;
