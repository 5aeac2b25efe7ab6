using Cordon.Model;
using Cordon.Sharing;

namespace Cordon.Tests.Sharing;

public sealed class ReviewBookTests
{
    private static ReviewItem Item(string id, ReviewStatus status = ReviewStatus.Open, string fingerprint = "f1") =>
        new(id, "BKA", "subject-1", "un-1", fingerprint, "UNSC", null, "un", "X", "high", 0.95, ReviewOrigins.Screen, "p", "{}",
            DateTimeOffset.UnixEpoch, "key_1", status);

    [Fact]
    public void A_first_hit_raises_an_item_and_a_second_finds_it()
    {
        var book = new ReviewBook();

        var first = book.TryClaim("BKA", "subject-1", "un-1", () => "hit_a", () => "f1", out var raised);
        var second = book.TryClaim("BKA", "subject-1", "un-1", () => "hit_b", () => "f1", out var existing);

        Assert.Equal(ReviewOutcome.Raise, first);
        Assert.Equal("hit_a", raised.Id);
        Assert.Equal(ReviewOutcome.Existing, second);
        Assert.Equal("hit_a", existing.Id);
    }

    [Fact]
    public void Pairs_are_kept_apart_by_agency_subject_and_record()
    {
        var book = new ReviewBook();
        book.TryClaim("BKA", "subject-1", "un-1", () => "hit_a", () => "f1", out _);

        Assert.Equal(ReviewOutcome.Raise, book.TryClaim("DGSI", "subject-1", "un-1", () => "hit_b", () => "f1", out _));
        Assert.Equal(ReviewOutcome.Raise, book.TryClaim("BKA", "subject-2", "un-1", () => "hit_c", () => "f1", out _));
        Assert.Equal(ReviewOutcome.Raise, book.TryClaim("BKA", "subject-1", "un-2", () => "hit_d", () => "f1", out _));
    }

    [Fact]
    public void A_dismissal_suppresses_the_pair_until_the_record_changes_and_then_a_new_item_is_raised()
    {
        var book = new ReviewBook();
        book.Load([Item("hit_a")]);
        book.Decided(Item("hit_a"), ReviewStatus.Dismissed);

        var same = book.TryClaim("BKA", "subject-1", "un-1", () => "hit_b", () => "f1", out var dismissed);
        var changed = book.TryClaim("BKA", "subject-1", "un-1", () => "hit_c", () => "f2", out var reopened);

        Assert.Equal(ReviewOutcome.Suppressed, same);
        Assert.Equal("hit_a", dismissed.Id);
        Assert.Equal(ReviewOutcome.Raise, changed);
        Assert.Equal(new ReviewState("hit_c", ReviewStatus.Open, "f2"), reopened);
    }

    [Fact]
    public void A_confirmed_pair_stays_confirmed_and_raises_nothing_more()
    {
        var book = new ReviewBook();
        book.Load([Item("hit_a", ReviewStatus.Confirmed)]);

        Assert.Equal(ReviewOutcome.Existing, book.TryClaim("BKA", "subject-1", "un-1", () => "hit_b", () => "f9", out var state));
        Assert.Equal(ReviewStatus.Confirmed, state.Status);
    }

    [Fact]
    public void The_newest_item_of_a_pair_wins_on_load_and_a_released_claim_can_be_raised_again()
    {
        var book = new ReviewBook();
        book.Load([Item("hit_old", ReviewStatus.Dismissed), Item("hit_new", ReviewStatus.Open, "f2")]);
        Assert.Equal("hit_new", book.Find("BKA", "subject-1", "un-1")!.Id);

        book.TryClaim("BKA", "subject-9", "un-1", () => "hit_x", () => "f1", out _);
        book.Release(Item("hit_x") with { Subject = "subject-9" });

        Assert.Null(book.Find("BKA", "subject-9", "un-1"));
    }

    [Fact]
    public void Concurrent_screens_of_one_subject_raise_one_item()
    {
        var book = new ReviewBook();
        var raised = 0;

        Parallel.For(0, 1000, i =>
        {
            if (book.TryClaim("BKA", "subject-1", "un-1", () => "hit_" + i, () => "f1", out _) == ReviewOutcome.Raise)
            {
                Interlocked.Increment(ref raised);
            }
        });

        Assert.Equal(1, raised);
    }

    [Theory]
    [InlineData("Jane  Doe", "jane doe")]
    [InlineData(" JANE DOE ", "Jane Doe")]
    public void A_derived_subject_reads_names_case_and_space_insensitively(string a, string b) =>
        Assert.Equal(ReviewKeys.Subject(null, a, "1970", "de", null), ReviewKeys.Subject(null, b, "1970", "de", null));

    [Fact]
    public void A_derived_subject_differs_with_the_facts_and_a_given_one_is_kept()
    {
        Assert.NotEqual(ReviewKeys.Subject(null, "Jane Doe", "1970", null, null), ReviewKeys.Subject(null, "Jane Doe", "1971", null, null));
        Assert.Equal("customer-42", ReviewKeys.Subject(" customer-42 ", "Jane Doe", null, null, null));
    }

    [Fact]
    public void A_fingerprint_changes_exactly_when_the_record_does()
    {
        var a = new EntityBuilder("un-1", Schemata.Person, "1").Add("name", "Jane Doe").Build();
        var same = new EntityBuilder("un-1", Schemata.Person, "1").Add("name", "Jane Doe").Build();
        var changed = new EntityBuilder("un-1", Schemata.Person, "1").Add("name", "Jane Doe").Add("birthDate", "1970").Build();

        Assert.Equal(ReviewKeys.Fingerprint(a), ReviewKeys.Fingerprint(same));
        Assert.NotEqual(ReviewKeys.Fingerprint(a), ReviewKeys.Fingerprint(changed));
    }
}
