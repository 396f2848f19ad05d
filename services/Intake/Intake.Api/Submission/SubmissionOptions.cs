namespace Intake.Api.Submission;

/// <summary>How a submission is assessed ("Submission" section).</summary>
public sealed class SubmissionOptions
{
    public const string Section = "Submission";

    /// <summary>Ask triage synchronously while the submission is stored; false sends every case the asynchronous way.</summary>
    public bool AssessAtSubmission { get; set; } = true;

    /// <summary>How long a submission waits for triage before it takes the asynchronous path.</summary>
    public TimeSpan AssessDeadline { get; set; } = TimeSpan.FromMilliseconds(300);
}
