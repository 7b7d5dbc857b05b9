// The tests check that a call leaves no container behind by listing the daemon's containers: they run one at a time,
// so that no other test's container is in the list.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
