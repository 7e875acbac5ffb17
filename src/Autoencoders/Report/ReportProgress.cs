namespace Autoencoders.Report;

/// <summary>
/// Where a run stands when its report is written. <paramref name="Selected"/>: null once the run has finished;
/// while it goes, the number of claims it was asked for (the report is then marked partial and written without the
/// verdict-interval figures; it is rewritten after each claim, so a run killed at a GPU call's deadline still leaves
/// the claims it finished). <paramref name="NotStarted"/>: the claims its time limit kept from starting.
/// </summary>
public sealed record ReportProgress(int? Selected, int NotStarted);
