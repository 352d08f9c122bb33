@checklist @reconnect @simulator-only
Feature: Reconnect after disconnect
  When the connection is lost the client reconnects with backoff, logs on again and reconciles:
  OPEN_ORDERS_REQUEST (300) for the orders still working, HISTORICAL_ORDER_FILLS_REQUEST (303) for
  fills it missed. Afterwards every order and fill matches the simulator's record exactly: nothing
  lost, nothing counted twice.

  Background:
    Given a simulator that lets limit orders rest
    And the client is logged on using binary encoding, reconnecting on its own

  Scenario Outline: The client comes back after <how> and matches the simulator
    When the client places a BUY 2 ES limit order at 4400
    And the order is OPEN
    And the simulator <drops> the connection
    And the simulator fills the order at 4400 while the client is away
    Then the client logs on again
    And the order is FILLED with 2 filled at 4400
    And the client's fills match the simulator's, each exactly once

    Examples:
      | how                   | drops                                   |
      | a clean close         | closes                                  |
      | a connection reset    | resets                                  |
      | refused connections   | closes and refuses for 2 seconds        |
