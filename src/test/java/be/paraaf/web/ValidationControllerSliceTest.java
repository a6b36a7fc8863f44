package be.paraaf.web;

import static be.paraaf.web.RequestControllerSliceTest.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.paraaf.prepare.ValidationReportDocument;
import be.paraaf.system.NotFoundException;
import be.paraaf.system.ProblemType;
import be.paraaf.validation.DocumentToValidate;
import be.paraaf.validation.ReportKind;
import be.paraaf.validation.ValidationService;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Validation for anyone, as HTTP sees it: no key needed, uploads read within the limit, unknown downloads 404. */
@WebSliceTest(ValidationController.class)
@TestPropertySource(properties = "paraaf.upload-limit=1KB")
class ValidationControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    ValidationService validation;

    @MockitoBean
    ValidationReportDocument reportDocument;

    @Test
    void anUploadIsHandedToValidationByNameAndContentWithoutAKey() throws Exception {
        byte[] pdf = "%PDF-1.7 small".getBytes(StandardCharsets.US_ASCII);
        http.perform(multipart("/api/validations").file(new MockMultipartFile("document", "lease.pdf",
                        "application/pdf", pdf)).param("policy", "strict"))
                .andExpect(status().isOk());

        ArgumentCaptor<DocumentToValidate> handed = ArgumentCaptor.forClass(DocumentToValidate.class);
        verify(validation).validate(handed.capture(), eq("strict"));
        assertThat(handed.getValue().name()).isEqualTo("lease.pdf");
        assertThat(handed.getValue().content()).isEqualTo(pdf);
    }

    @Test
    void anUploadWithoutTheDocumentPartIsA400Problem() throws Exception {
        problem(http.perform(multipart("/api/validations").file(new MockMultipartFile("other", "x.pdf",
                "application/pdf", new byte[] {1}))), 400, "bad-request");
        verifyNoInteractions(validation);
    }

    @Test
    void anUploadOverTheInMemoryLimitIsA413BeforeValidation() throws Exception {
        problem(http.perform(multipart("/api/validations").file(new MockMultipartFile("document", "big.pdf",
                        "application/pdf", new byte[2048]))), 413, "upload-too-large")
                .andExpect(jsonPath("$.maxSize").value(1024))
                .andExpect(jsonPath("$.detail").value(containsString("paraaf.upload-limit")));
        verifyNoInteractions(validation);
    }

    @Test
    void aReportIsAnXmlDownloadNamedByItsKind() throws Exception {
        when(validation.report("v-1", ReportKind.SIMPLE)).thenReturn("<r/>".getBytes(StandardCharsets.UTF_8));
        http.perform(get("/api/validations/v-1/reports/simple"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_XML))
                .andExpect(header().string("Content-Disposition", containsString("validation-simple-report.xml")))
                .andExpect(content().bytes("<r/>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUnknownReportKindIsA404NamingTheKinds() throws Exception {
        problem(http.perform(get("/api/validations/v-1/reports/summary")), 404, "unknown-report")
                .andExpect(jsonPath("$.detail").value(containsString("simple, detailed, diagnostic or etsi")));
        verifyNoInteractions(validation);
    }

    @Test
    void aPictureOtherThanSignedOrCurrentIsA404() throws Exception {
        problem(http.perform(get("/api/validations/v-1/signatures/1/pages/1/original.png")), 404,
                "picture-not-found");
        problem(http.perform(get("/api/validations/v-1/signatures/0/pages/1/current.png")), 404,
                "picture-not-found");
        verifyNoInteractions(validation);
    }

    @Test
    void anExpiredValidationIsTheCapabilitysOwn404() throws Exception {
        when(validation.report(eq("gone"), any())).thenThrow(new NotFoundException(
                ProblemType.VALIDATION_REPORT_NOT_FOUND, "No validation with this id (kept for a while only)."));
        problem(http.perform(get("/api/validations/gone/reports/etsi")), 404, "validation-report-not-found");
    }
}
