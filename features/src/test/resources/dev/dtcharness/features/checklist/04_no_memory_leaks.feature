@checklist @soak
Feature: No memory leaks under sustained orders
  A short soak in every run: orders flow through the real client and the simulator in phases; at
  each phase boundary everything is idle and the soak samples live heap after a full GC, Netty's
  buffers, direct memory, threads and file descriptors. The verdict comes from all of them, and
  only PASS passes: INCONCLUSIVE means the soak could not tell.
  Long soaks use the soak command line (soak/README.md).

  Scenario: Sustained orders leave the heap, buffers, threads and file descriptors where they were
    When a soak of 6 phases of 400 orders runs
    Then the soak verdict is PASS
    And no Netty buffer was left unreleased
    And every order of the soak ended FILLED
