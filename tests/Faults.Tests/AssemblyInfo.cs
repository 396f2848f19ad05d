// Each class starts a whole platform of its own; two starting at once would fight over the app host's start-up
// (and over the two cores the timings are measured on): one collection runs them one after another.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
