using ApprovalTests;
using ApprovalTests.Reporters;
using ApprovalTests.Reporters.TestFrameworks;

[assembly: UseReporter(typeof(NUnit4Reporter))]

namespace Autoencoders.Tests.Approvals;

/// <summary>
/// The one door to the snapshot library: approved files sit beside the test as
/// &lt;Class&gt;.&lt;Test&gt;.approved.txt; a mismatch fails with a diff and leaves a *.received.txt to review.
/// Swapping ApprovalTests for Verify changes this file only.
/// </summary>
public static class Snapshot
{
    public static void Text(string text) => ApprovalTests.Approvals.Verify(text.Replace("\r\n", "\n"));
}
