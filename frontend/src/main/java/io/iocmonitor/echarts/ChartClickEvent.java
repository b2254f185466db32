package io.iocmonitor.echarts;

import java.util.List;
import java.util.OptionalDouble;

import com.vaadin.flow.component.ComponentEvent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * A click on a data item of an {@link EChart}, as reported by ECharts'
 * {@code click} event.
 */
public class ChartClickEvent extends ComponentEvent<EChart> {

    private static final String DETAIL = "event.detail.";
    private static final String COMPONENT_TYPE = DETAIL + "componentType";
    private static final String SERIES_INDEX = DETAIL + "seriesIndex";
    private static final String SERIES_NAME = DETAIL + "seriesName";
    private static final String NAME = DETAIL + "name";
    private static final String DATA_INDEX = DETAIL + "dataIndex";
    private static final String VALUE = DETAIL + "value";

    /** The event data expressions the browser is asked to send. */
    static final List<String> EVENT_DATA = List.of(COMPONENT_TYPE, SERIES_INDEX,
            SERIES_NAME, NAME, DATA_INDEX, VALUE);

    private final String componentType;
    private final int seriesIndex;
    private final String seriesName;
    private final String name;
    private final int dataIndex;
    private final JsonNode value;

    /**
     * Creates a new event.
     *
     * @param source        the chart clicked
     * @param fromClient    whether the event came from the browser
     * @param componentType ECharts' component type, e.g. {@code series}
     * @param seriesIndex   the index of the series clicked, or -1
     * @param seriesName    the name of the series clicked, or {@code null}
     * @param name          the name of the data item (category) clicked, or {@code null}
     * @param dataIndex     the index of the data item clicked, or -1
     * @param value         the value of the data item clicked (a number, an
     *                      array or an object), never {@code null}: JSON null
     *                      when there is none
     */
    public ChartClickEvent(EChart source, boolean fromClient, String componentType,
            int seriesIndex, String seriesName, String name, int dataIndex, JsonNode value) {
        super(source, fromClient);
        this.componentType = componentType;
        this.seriesIndex = seriesIndex;
        this.seriesName = seriesName;
        this.name = name;
        this.dataIndex = dataIndex;
        this.value = value == null ? NullNode.getInstance() : value;
    }

    static ChartClickEvent fromEventData(EChart source, JsonNode data) {
        return new ChartClickEvent(source, true, text(data, COMPONENT_TYPE),
                integer(data, SERIES_INDEX), text(data, SERIES_NAME), text(data, NAME),
                integer(data, DATA_INDEX), data.get(VALUE));
    }

    private static String text(JsonNode data, String key) {
        JsonNode node = data.get(key);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static int integer(JsonNode data, String key) {
        JsonNode node = data.get(key);
        return node != null && node.isNumber() ? node.asInt() : -1;
    }

    /** @return ECharts' component type of what was clicked, e.g. {@code series}; may be {@code null} */
    public String getComponentType() {
        return componentType;
    }

    /** @return the index of the series clicked, or -1 */
    public int getSeriesIndex() {
        return seriesIndex;
    }

    /** @return the name of the series clicked, or {@code null} */
    public String getSeriesName() {
        return seriesName;
    }

    /** @return the name of the data item clicked (its category, slice or region name), or {@code null} */
    public String getName() {
        return name;
    }

    /** @return the index of the data item within its series, or -1 */
    public int getDataIndex() {
        return dataIndex;
    }

    /** @return the value of the data item as JSON (number, array or object); JSON null if none */
    public JsonNode getValue() {
        return value;
    }

    /** @return the value if it is a single number, else empty */
    public OptionalDouble getNumericValue() {
        return value.isNumber() ? OptionalDouble.of(value.asDouble()) : OptionalDouble.empty();
    }
}
