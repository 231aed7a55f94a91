namespace Sykefravaer.Domain.Sporsmal;

/// <summary>KARTLEGGING question 1: how likely a return to the job the person was sykmeldt from is.</summary>
public enum TilbakeTilJobben
{
    /// <summary>«Jeg tror det er veldig sannsynlig»: the low-risk answer.</summary>
    Sannsynlig,

    /// <summary>«Jeg tror det er lite sannsynlig».</summary>
    LiteSannsynlig,

    /// <summary>«Jeg er usikker».</summary>
    Usikker,
}

/// <summary>KARTLEGGING question 2: the relationship and follow-up with the employer.</summary>
public enum SamarbeidMedArbeidsgiver
{
    /// <summary>«Jeg opplever samarbeidet og relasjonen som god»: the low-risk answer.</summary>
    God,

    /// <summary>«Jeg opplever samarbeidet og relasjonen som dårlig».</summary>
    Darlig,
}

/// <summary>KARTLEGGING question 3: how long the person expects the absence to last.</summary>
public enum ForventetVarighet
{
    /// <summary>«Mindre enn seks måneder»: the low-risk answer.</summary>
    UnderSeksManeder,

    /// <summary>«Mer enn seks måneder».</summary>
    OverSeksManeder,
}

/// <summary>
/// The person's answers to the three KARTLEGGING questions (navikt/bro-frontend's form, FLERVALG_V1). They indicate
/// a risk of long absence when any answer is not the low-risk one, as NAV's veileder view computes it
/// (navikt/syfomodiaperson <c>vurdereBehov.ts</c>).
/// </summary>
public sealed record KartleggingSvar(TilbakeTilJobben TilbakeTilJobben, SamarbeidMedArbeidsgiver Samarbeid, ForventetVarighet Varighet)
{
    public bool IndicatesRisk =>
        TilbakeTilJobben != TilbakeTilJobben.Sannsynlig
        || Samarbeid != SamarbeidMedArbeidsgiver.God
        || Varighet != ForventetVarighet.UnderSeksManeder;
}
