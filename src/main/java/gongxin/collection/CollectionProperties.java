package gongxin.collection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Collection settings ({@code gongxin.collection.*}); the upload size limit itself is
 * {@code spring.servlet.multipart.max-file-size}.
 *
 * @param maxRows rows one file or JSON batch may have
 * @param syncMaxSize files up to this size are answered when done; larger ones get 202 and are processed in the background
 * @param chunkSize rows stored per database round trip
 * @param workers files processed at the same time in the background
 * @param staleAfterSeconds a batch still processing without a sign of life for this long is declared failed
 */
@ConfigurationProperties("gongxin.collection")
record CollectionProperties(@DefaultValue("2000000") long maxRows, @DefaultValue("4MB") DataSize syncMaxSize,
                            @DefaultValue("1000") int chunkSize, @DefaultValue("2") int workers,
                            @DefaultValue("120") int staleAfterSeconds) {
}
