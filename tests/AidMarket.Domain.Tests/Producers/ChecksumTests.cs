using AidMarket.Domain.Common;
using AidMarket.Domain.Producers;
using CsCheck;
using Shouldly;

namespace AidMarket.Domain.Tests.Producers;

public class ChecksumTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the standard's own example
    [InlineData("91110000600037341L")]
    [InlineData("91440300708461136T")]
    public void Real_credit_codes_are_accepted(string code) => UnifiedSocialCreditCode.IsValid(code).ShouldBeTrue();

    [Theory]
    [InlineData("91350100M000100Y44")] // wrong check character
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100M00O100Y43")] // O is not in the alphabet
    [InlineData("913501A0M000100Y43")] // letters in the division code
    [InlineData("")]
    [InlineData(null)]
    public void Bad_credit_codes_are_refused(string? code)
    {
        UnifiedSocialCreditCode.IsValid(code).ShouldBeFalse();
        Should.Throw<DomainException>(() => UnifiedSocialCreditCode.Parse(code)).Code.ShouldBe("CreditCode.Invalid");
    }

    [Fact]
    public void Any_single_changed_character_of_a_credit_code_is_detected()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        const string valid = "91350100M000100Y43";
        for (int i = 0; i < 18; i++)
            foreach (var c in alphabet.Where(c => c != valid[i]))
                UnifiedSocialCreditCode.IsValid(valid[..i] + c + valid[(i + 1)..]).ShouldBeFalse($"{i}:{c}");
    }

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524198001010013")]
    [InlineData("11010519491231002x")] // lower-case x is read as X
    public void Real_ID_numbers_are_accepted(string id)
    {
        ChineseIdNumber.TryParse(id, out var parsed).ShouldBeTrue();
        parsed.Value.ShouldBe(id.ToUpperInvariant());
    }

    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("110105194913310029")] // month 13
    [InlineData("11010519491231002")]
    [InlineData("1101051949123100XX")]
    [InlineData("440524188001010014")] // born before 1900
    public void Bad_ID_numbers_are_refused(string id) =>
        Should.Throw<DomainException>(() => ChineseIdNumber.Parse(id)).Code.ShouldBe("IdNumber.Invalid");

    [Fact]
    public void ID_numbers_are_masked_but_keep_their_last_four()
    {
        var id = ChineseIdNumber.Parse("11010519491231002X");
        id.Masked.ShouldBe("110***********002X");
        id.LastFour.ShouldBe("002X");
        id.ToString().ShouldNotContain("19491231");
    }

    [Fact]
    public void Every_completed_ID_number_validates_and_any_changed_digit_is_caught()
    {
        Gen.Select(Gen.Int[110000, 659999], Gen.Date[new DateTime(1920, 1, 1), new DateTime(2025, 12, 31)], Gen.Int[0, 999], Gen.Int[0, 16], Gen.Int[1, 9])
            .Sample((region, birth, seq, position, delta) =>
            {
                var id = ChineseIdNumber.FromFirst17($"{region}{birth:yyyyMMdd}{seq:D3}");
                ChineseIdNumber.TryParse(id.Value, out _).ShouldBeTrue();
                var chars = id.Value.ToCharArray();
                chars[position] = (char)('0' + (chars[position] - '0' + delta) % 10);
                var changed = new string(chars);
                if (ChineseIdNumber.TryParse(changed, out _)) // a changed birth digit may make the date invalid; never valid with the old check
                    throw new Exception($"{changed} should fail its check character");
            });
    }
}
