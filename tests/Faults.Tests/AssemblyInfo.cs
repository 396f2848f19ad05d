// Each platform (a class's own, or the cluster platform its collection shares) is a whole stack; two starting at once
// would fight over the app host's start-up (and over the two cores the timings are measured on): one at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
