@checklist
Feature: Status changes are logged
  Every ORDER_UPDATE (301) that changes an order's OrderStatus leaves one log line, so an operator
  reading the client's log sees each order's life in order: PENDING_OPEN (2), OPEN (4), FILLED (7).

  Scenario: A filled order's status changes appear in the client's log, in order
    Given a simulator that fills every order
    And the client is logged on using binary encoding
    When the client places a BUY 1 ES limit order at 4500.25
    Then an ORDER_UPDATE with OrderStatus FILLED (7) arrives for the order
    And the client logged the order's status changes PENDING_OPEN, OPEN, FILLED, in that order
