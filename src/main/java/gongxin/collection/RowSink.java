package gongxin.collection;

import java.util.List;

/** Receives a file's header and then its rows, in order. */
interface RowSink {

    void header(List<String> headers);

    void row(SourceRow row);
}
