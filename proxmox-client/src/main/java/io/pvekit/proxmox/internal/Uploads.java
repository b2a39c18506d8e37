package io.pvekit.proxmox.internal;

import java.nio.file.Path;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/** The multipart body of {@code POST /nodes/{node}/storage/{storage}/upload}. */
public final class Uploads {
  private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

  private Uploads() {}

  /** Form fields first, then the file part named {@code filename} (its file name = target name). */
  public static RequestBody multipart(Map<String, Object> fields, String targetName, Path file) {
    MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    Params.forEachWireValue(fields, body::addFormDataPart);
    body.addFormDataPart("filename", targetName, RequestBody.create(file.toFile(), OCTET_STREAM));
    return body.build();
  }
}
