package gongxin.lists;

/**
 * The only domains in which a serious-dishonesty list may be set up (国办发〔2020〕49号, art. 2(5); the city plans):
 * conduct that endangers the people's life and health, seriously damages fair competition and market order, refuses
 * statutory obligations so as to seriously affect judicial or administrative authority, or refuses national defence
 * obligations.
 */
enum ListDomain {
    HEALTH_SAFETY("严重危害人民群众身体健康和生命安全"),
    MARKET_ORDER("严重破坏市场公平竞争秩序和社会正常秩序"),
    DEFYING_DUTIES("拒不履行法定义务，严重影响司法机关、行政机关公信力"),
    NATIONAL_DEFENCE("拒不履行国防义务");

    final String label;

    ListDomain(String label) {
        this.label = label;
    }

    static java.util.Optional<ListDomain> parse(String value) {
        for (ListDomain d : values()) {
            if (d.name().equals(value)) {
                return java.util.Optional.of(d);
            }
        }
        return java.util.Optional.empty();
    }
}
