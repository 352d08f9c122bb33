@checklist
Feature: Order management for a trading UI
  What a trading screen shows besides the live order: the orders still working (the server's open
  orders), the order history, the trade log as a CSV file, and per-symbol analytics (orders,
  fills, volume, VWAP, realised P&L), all from the client's own records.

  Background:
    Given a simulator that lets limit orders rest
    And the client is logged on using binary encoding, keeping its records in a new directory

  Scenario: Working orders, history, trade log and analytics agree with what was traded
    When the client places a BUY 2 ES limit order at 4400
    And the order is OPEN
    And the simulator fills the order at 4400
    And the client places a SELL 2 ES limit order at 4410
    And the order is OPEN
    And the simulator fills the order at 4410
    And the client places a BUY 1 ES limit order at 4300
    And the order is OPEN
    Then the client shows 1 working order, a BUY 1 ES at 4300
    And the order history lists 3 orders, 2 of them FILLED
    And the exported trade log has 2 fills: BUY 2 ES at 4400 and SELL 2 ES at 4410
    And the ES analytics show 3 orders, 2 fills, volume 4, VWAP 4405 and realised P&L 20
