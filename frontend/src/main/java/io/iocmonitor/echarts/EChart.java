package io.iocmonitor.echarts;

import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.shared.Registration;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chart drawn by <a href="https://echarts.apache.org">Apache ECharts</a>.
 * <p>
 * The chart is described by an ECharts option object, built on the server with
 * Jackson (see {@link #newOption()}) and handed over with
 * {@link #setOption(ObjectNode)}. Only plain JSON reaches the browser, so
 * option entries that ECharts accepts as JavaScript functions (formatters and
 * the like) must be given in their string-template form.
 * <p>
 * The browser side is the {@code <ioc-echart>} element: it owns one ECharts
 * instance, resizes it with its own box, and disposes it when it leaves the
 * page. The option is an element property, so it is re-sent and re-applied
 * whenever the element is attached again. Default size: full width, 320px
 * high; change it with the {@link HasSize} methods.
 * <p>
 * This package knows nothing of the application that uses it.
 */
@Tag("ioc-echart")
@NpmPackage(value = "echarts", version = EChart.ECHARTS_VERSION)
@JsModule("./ioc-echart/ioc-echart.ts")
public class EChart extends Component implements HasSize {

    /** The version of the {@code echarts} npm package this component is built against. */
    public static final String ECHARTS_VERSION = "6.1.0";

    static final String OPTION_PROPERTY = "option";
    static final String LOADING_PROPERTY = "loading";
    static final String CLICK_EVENT = "chart-click";

    private ObjectNode option = newOption();
    private DomListenerRegistration clickRegistration;

    /** Creates a chart with an empty option (draws nothing). */
    public EChart() {
    }

    /**
     * Creates a chart showing the given option.
     *
     * @param option the ECharts option, not {@code null}
     */
    public EChart(ObjectNode option) {
        setOption(option);
    }

    /**
     * Returns a new, empty JSON object to build an ECharts option (or any part
     * of one) in.
     *
     * @return a new empty object node
     */
    public static ObjectNode newOption() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Returns a new, empty JSON array, for the {@code series}, {@code data} and
     * other list entries of an option.
     *
     * @return a new empty array node
     */
    public static ArrayNode newArray() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Replaces the chart's option. The chart is redrawn from this option
     * alone: entries of the previous option that it lacks are dropped.
     * <p>
     * The option is copied, so changing the given node afterwards has no
     * effect until it is set again.
     *
     * @param option the ECharts option, not {@code null}
     */
    public void setOption(ObjectNode option) {
        Objects.requireNonNull(option, "option");
        this.option = option.deepCopy();
        getElement().setPropertyJson(OPTION_PROPERTY, this.option.deepCopy());
    }

    /**
     * Returns a copy of the option last set.
     *
     * @return the current option, never {@code null}
     */
    public ObjectNode getOption() {
        return option.deepCopy();
    }

    /**
     * Shows or hides ECharts' loading animation over the chart.
     *
     * @param loading {@code true} to show it
     */
    public void setLoading(boolean loading) {
        getElement().setProperty(LOADING_PROPERTY, loading);
    }

    /**
     * Whether the loading animation is shown.
     *
     * @return {@code true} if shown
     */
    public boolean isLoading() {
        return getElement().getProperty(LOADING_PROPERTY, false);
    }

    /**
     * Adds a listener for clicks on the chart's data items (a bar, a slice,
     * a point, a map region…), e.g. to drill down.
     *
     * @param listener the listener, not {@code null}
     * @return a handle that removes the listener
     */
    public Registration addChartClickListener(
            ComponentEventListener<ChartClickEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        if (clickRegistration == null) {
            clickRegistration = getElement()
                    .addEventListener(CLICK_EVENT, event -> fireEvent(
                            ChartClickEvent.fromEventData(this, event.getEventData())));
            ChartClickEvent.EVENT_DATA.forEach(clickRegistration::addEventData);
        }
        return addListener(ChartClickEvent.class, listener);
    }
}
