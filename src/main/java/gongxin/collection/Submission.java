package gongxin.collection;

import java.util.List;
import java.util.UUID;

/**
 * The answer to a submission, in the shape of formats.md ({@code id, status, rows, accepted, rejected, duplicates,
 * unchanged, errors}), plus the item it was read as, while processing how many rows were read so far, and the
 * provider profile it was read with ({@code code@version}), if any.
 */
record Submission(UUID id, String status, String item, int rows, int accepted, int rejected, int duplicates,
                  int unchanged, int processed, List<RowError> errors, String profile) {
}
