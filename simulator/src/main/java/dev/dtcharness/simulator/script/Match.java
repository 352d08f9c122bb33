package dev.dtcharness.simulator.script;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which orders a rule applies to; null fields match anything. {@code side} is BUY or SELL,
 * {@code orderType} an OrderTypeEnum constant with or without its prefix ({@code LIMIT} or
 * {@code ORDER_TYPE_LIMIT}), {@code nth} the n-th order (1-based) that matches the other conditions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Match(String symbol, String side, Double quantity, Double price, String account, String orderType,
                    Integer nth) {

    /** Matches every order; narrow it with the withers. */
    public static Match any() {
        return new Match(null, null, null, null, null, null, null);
    }

    public Match symbol(String s) {
        return new Match(s, side, quantity, price, account, orderType, nth);
    }

    public Match side(String s) {
        return new Match(symbol, s, quantity, price, account, orderType, nth);
    }

    public Match quantity(double q) {
        return new Match(symbol, side, q, price, account, orderType, nth);
    }

    public Match price(double p) {
        return new Match(symbol, side, quantity, p, account, orderType, nth);
    }

    public Match account(String a) {
        return new Match(symbol, side, quantity, price, a, orderType, nth);
    }

    public Match orderType(String t) {
        return new Match(symbol, side, quantity, price, account, t, nth);
    }

    public Match nth(int n) {
        return new Match(symbol, side, quantity, price, account, orderType, n);
    }

    /** Every condition but {@code nth}, which the engine counts. */
    public boolean matches(String orderSymbol, String orderSide, double orderQuantity, double orderPrice,
                           String orderAccount, String orderTypeName) {
        return (symbol == null || symbol.equals(orderSymbol))
                && (side == null || side.equalsIgnoreCase(orderSide))
                && (quantity == null || quantity == orderQuantity)
                && (price == null || price == orderPrice)
                && (account == null || account.equals(orderAccount))
                && (orderType == null || orderTypeName.equalsIgnoreCase(orderType)
                || orderTypeName.equalsIgnoreCase("ORDER_TYPE_" + orderType));
    }
}
