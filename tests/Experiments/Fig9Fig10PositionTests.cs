using Autoencoders.Claims;

namespace Autoencoders.Tests.Experiments;

/// <summary>Sec. 5.3–5.4: the learned position encoder's filters (Fig. 9, P3) and position decoding (Fig. 10, P4, P5).</summary>
public class Fig9Fig10PositionTests
{
    [Test, Claim("P3")]
    public void Training_the_position_encoder_finds_the_121_filter() => ClaimAssert.Holds("P3", Tier.Default);

    [Test, Claim("P3"), Category("Experiment")]
    public void Training_the_position_encoder_finds_the_121_filter_over_ten_seeds() => ClaimAssert.Holds("P3", Tier.Experiment);

    [Test, Claim("P4")]
    public void A_decoder_trained_on_continuous_positions_draws_single_peaks_in_place() => ClaimAssert.Holds("P4", Tier.Default);

    [Test, Claim("P4"), Category("Experiment")]
    public void Continuous_decoding_at_paper_scale() => ClaimAssert.Holds("P4", Tier.Experiment);

    [Test, Claim("P5")]
    public void A_decoder_trained_on_one_hots_decodes_worse_between_integers() => ClaimAssert.Holds("P5", Tier.Default);

    [Test, Claim("P5"), Category("Experiment")]
    public void Discrete_decoding_at_paper_scale() => ClaimAssert.Holds("P5", Tier.Experiment);
}
