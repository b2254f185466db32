/**
 * <ioc-echart>: a thin custom element around one Apache ECharts instance.
 *
 * - `option` (property): the ECharts option object. Setting it (re)draws the
 *   chart with `notMerge`, so the chart shows exactly this option. It is kept
 *   and applied again whenever a new ECharts instance is made (on connect).
 * - `loading` (property): shows ECharts' loading animation while true.
 * - Resizes with its own box (ResizeObserver); disposes the instance when it
 *   leaves the document.
 * - Fires `chart-click` (bubbling, composed) with the plain-JSON part of the
 *   ECharts click parameters in `event.detail`.
 *
 * It knows nothing of the application that uses it.
 */
import * as echarts from 'echarts';
import type { ECharts, EChartsOption, ECElementEvent } from 'echarts';

export interface ChartClickDetail {
  componentType?: string;
  seriesType?: string;
  seriesIndex?: number;
  seriesName?: string;
  name?: string;
  dataIndex?: number;
  dataType?: string;
  value?: unknown;
}

const template = document.createElement('template');
template.innerHTML = `
  <style>
    :host {
      display: block;
      position: relative;
      width: 100%;
      height: 320px;
      box-sizing: border-box;
    }
    :host([hidden]) {
      display: none !important;
    }
    #chart {
      position: absolute;
      inset: 0;
    }
  </style>
  <div id="chart" part="chart"></div>
`;

/** Strips what JSON cannot carry (functions, cycles, DOM nodes) from a value. */
function plain(value: unknown): unknown {
  if (value === undefined) {
    return null;
  }
  try {
    return JSON.parse(JSON.stringify(value));
  } catch {
    return null;
  }
}

export class IocEChart extends HTMLElement {
  private _option: EChartsOption | null = null;
  private _loading = false;
  private _chart: ECharts | null = null;
  private _resizeObserver: ResizeObserver | null = null;
  private readonly _container: HTMLDivElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.appendChild(template.content.cloneNode(true));
    this._container = root.getElementById('chart') as HTMLDivElement;
  }

  get option(): EChartsOption | null {
    return this._option;
  }

  set option(value: EChartsOption | null) {
    this._option = value ?? null;
    this._applyOption();
  }

  get loading(): boolean {
    return this._loading;
  }

  set loading(value: boolean) {
    this._loading = !!value;
    this._applyLoading();
  }

  /** The ECharts instance, while the element is connected and ECharts is loaded. */
  get chart(): ECharts | null {
    return this._chart;
  }

  connectedCallback(): void {
    // Properties set before this element was upgraded are own properties that
    // shadow the accessors above: take them over.
    this._upgradeProperty('option');
    this._upgradeProperty('loading');

    this._resizeObserver ??= new ResizeObserver(() => this._chart?.resize());
    this._resizeObserver.observe(this);

    if (!this._chart) {
      this._chart = echarts.init(this._container, undefined, { renderer: 'canvas' });
      this._chart.on('click', (params) => this._onClick(params as ECElementEvent));
    }
    // The option may have been set before the element was connected (or even
    // defined): apply what is there now.
    this._applyOption();
    this._applyLoading();
  }

  disconnectedCallback(): void {
    this._resizeObserver?.disconnect();
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  private _upgradeProperty(prop: 'option' | 'loading'): void {
    if (Object.prototype.hasOwnProperty.call(this, prop)) {
      const value = (this as any)[prop];
      delete (this as any)[prop];
      (this as any)[prop] = value;
    }
  }

  private _applyOption(): void {
    if (!this._chart) {
      return;
    }
    if (this._option) {
      this._chart.setOption(this._option, { notMerge: true });
    } else {
      this._chart.clear();
    }
  }

  private _applyLoading(): void {
    if (!this._chart) {
      return;
    }
    if (this._loading) {
      this._chart.showLoading();
    } else {
      this._chart.hideLoading();
    }
  }

  private _onClick(params: ECElementEvent): void {
    const detail: ChartClickDetail = {
      componentType: params.componentType,
      seriesType: params.seriesType,
      seriesIndex: params.seriesIndex,
      seriesName: params.seriesName,
      name: params.name,
      dataIndex: params.dataIndex,
      dataType: params.dataType,
      value: plain(params.value),
    };
    this.dispatchEvent(
      new CustomEvent<ChartClickDetail>('chart-click', { detail, bubbles: true, composed: true }),
    );
  }
}

if (!customElements.get('ioc-echart')) {
  customElements.define('ioc-echart', IocEChart);
}

declare global {
  interface HTMLElementTagNameMap {
    'ioc-echart': IocEChart;
  }
}
