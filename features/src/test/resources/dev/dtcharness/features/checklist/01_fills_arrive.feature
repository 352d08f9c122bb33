@checklist
Feature: Fills arrive
  Every order the client places (SUBMIT_NEW_SINGLE_ORDER, type 208) is answered by ORDER_UPDATE
  messages (type 301). When the order fills, the last of them has OrderStatus FILLED, which is 7
  in DTC v8 (3 is PENDING_CHILD), and the client's order book shows the order filled at the fill
  price.

  Scenario Outline: A limit order is filled at its limit price, in <encoding> encoding
    Given a simulator that fills every order
    And the client is logged on using <encoding> encoding
    When the client places a BUY 1 ES limit order at 4500.25
    Then an ORDER_UPDATE with OrderStatus FILLED (7) arrives for the order
    And the order book shows the order filled: 1 at 4500.25
    And the order went through PENDING_OPEN, OPEN, FILLED

    Examples:
      | encoding     |
      | JSON         |
      | binary       |
      | binary VLS   |
      | compact JSON |
