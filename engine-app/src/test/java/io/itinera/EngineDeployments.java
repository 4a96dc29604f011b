package io.itinera;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Deploys a BPMN file as the Modeler and Cockpit do: {@code POST /engine-rest/deployment/create}, as the administrator. */
public final class EngineDeployments {

  private EngineDeployments() {
  }

  public static ResponseEntity<JsonNode> create(TestRestTemplate http, String fileName, byte[] bpmn) {
    return create(http, fileName, fileName, bpmn, false);
  }

  /** With duplicate filtering, a file unchanged since the last deployment of that name is not deployed again. */
  public static ResponseEntity<JsonNode> create(TestRestTemplate http, String deploymentName, String fileName,
      byte[] bpmn, boolean duplicateFiltering) {
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", deploymentName);
    body.add("enable-duplicate-filtering", String.valueOf(duplicateFiltering));
    body.add("data", new ByteArrayResource(bpmn) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), JsonNode.class);
  }
}
