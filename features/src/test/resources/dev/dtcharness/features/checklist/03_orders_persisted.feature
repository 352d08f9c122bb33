@checklist
Feature: Orders are persisted
  The client keeps every order and fill in its order-history database (SQLite) and its current
  state (open orders, positions) in a state file written atomically. Both survive a restart: a
  client started again from the same directory knows every order and fill, each exactly once, and
  its position is what the fills add up to.

  Scenario: Orders and fills are in the history database and the state file, and survive a restart
    Given a simulator that fills every order
    And the client is logged on using binary encoding, keeping its records in a new directory
    When the client places 3 BUY 1 ES limit orders at 4500.25
    Then all 3 orders are FILLED
    And the history database holds 3 orders and 3 fills, each fill once
    And the state file shows a position of 3 ES
    When the client restarts from the same directory
    Then the history database holds 3 orders and 3 fills, each fill once
    And the restarted client knows the 3 orders filled and a position of 3 ES
