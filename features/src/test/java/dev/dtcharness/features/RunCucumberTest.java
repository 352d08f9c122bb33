package dev.dtcharness.features;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every feature under dev/dtcharness/features through the JUnit Platform, so Surefire finds
 * them. Select scenarios with {@code -Dcucumber.filter.tags="@checklist and not @slow"}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("dev.dtcharness.features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.dtcharness.features")
public class RunCucumberTest {
}
