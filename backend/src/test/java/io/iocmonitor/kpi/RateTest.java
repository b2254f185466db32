package io.iocmonitor.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateTest {

    @Test
    void zeroDenominatorHasNoValue() {
        Rate rate = Rate.of(0, 0, 20);
        assertThat(rate.value()).isNull();
        assertThat(rate.isComparable()).isFalse();
    }

    @Test
    void valueIsNumeratorOverDenominator() {
        Rate rate = Rate.of(33, 80, 20);
        assertThat(rate.value()).isEqualTo(0.4125);
        assertThat(rate.insufficient()).isFalse();
        assertThat(rate.isComparable()).isTrue();
    }

    @Test
    void denominatorBelowMinimumSampleKeepsItsValueButIsInsufficient() {
        Rate rate = Rate.of(19, 19, 20);
        assertThat(rate.value()).isEqualTo(1.0);
        assertThat(rate.insufficient()).isTrue();
        assertThat(rate.isComparable()).isFalse();
    }

    @Test
    void denominatorEqualToMinimumSampleIsSufficient() {
        assertThat(Rate.of(5, 20, 20).insufficient()).isFalse();
    }

    @Test
    void numeratorAboveDenominatorIsRefused() {
        assertThatThrownBy(() -> Rate.of(3, 2, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDossierRateUsesItsOwnDenominator() {
        DossierCounts c = new DossierCounts("01", null, 100, 60, 70, 50, 30, 80, 20, 74, 6, 3, 1, 40, 35);
        assertThat(c.fullProcessOnlineRate(20).value()).isEqualTo(20 / 80.0);
        assertThat(c.onlineSubmissionRate(20).value()).isEqualTo(60 / 100.0);
        assertThat(c.digitisationRate(20).value()).isEqualTo(70 / 100.0);
        assertThat(c.onlinePaymentRate(20).value()).isEqualTo(30 / 50.0);
        assertThat(c.onTimeRate(20).value()).isEqualTo(74 / 80.0);
        assertThat(c.eResultRate(20).value()).isEqualTo(40 / 80.0);
        assertThat(c.eSignatureRate(20).value()).isEqualTo(35 / 80.0);
    }
}
