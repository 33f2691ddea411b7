package gongxin.lists;

/** A list that constrains the dishonest (严重失信主体名单) or one that rewards the trustworthy (守信激励名单, red list). */
enum ListKind {
    DISHONESTY("严重失信主体名单"), RED("守信激励名单");

    final String label;

    ListKind(String label) {
        this.label = label;
    }
}
