package dev.dtcharness.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A password is a secret wherever a message is shown as text: its text form and the errors about it. */
class SecretFieldsTest {
    @Test
    void theSpecsPasswordFieldsAreSecretAndNoOtherField() {
        List<String> secrets = DtcSpec.v8().messages().stream()
                .flatMap(m -> m.fields().stream().filter(FieldSpec::secret).map(f -> m.name() + "." + f.name()))
                .toList();

        assertThat(secrets).containsExactly("LOGON_REQUEST.Password");
    }

    @Test
    void theTextFormShowsThatAPasswordIsSetButNotWhatItIs() {
        DtcMessage logon = DtcMessage.of("LOGON_REQUEST").set("Username", "trader").set("Password", "pw-Hunter2");

        assertThat(logon.toString()).contains("Username=trader").contains("Password=***").doesNotContain("pw-Hunter2");
        assertThat(logon.getString("Password")).as("the message itself keeps it").isEqualTo("pw-Hunter2");
    }

    @Test
    void aPasswordOfTheWrongTypeIsNotQuotedInTheError() {
        assertThatThrownBy(() -> DtcMessage.of("LOGON_REQUEST").set("Password", 987654321))
                .hasMessageContaining("LOGON_REQUEST.Password: ***").hasMessageNotContaining("987654321");
    }
}
