// The custom ECharts build: only the chart types and components the explorer uses.
// esbuild bundles this into dist/echarts.js (an IIFE defining the global `echarts`).
import * as echarts from 'echarts/core';
import { BarChart, LineChart, GraphChart, HeatmapChart, ScatterChart } from 'echarts/charts';
import {
  TitleComponent, TooltipComponent, GridComponent, LegendComponent, VisualMapComponent,
  BrushComponent, ToolboxComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, GraphChart, HeatmapChart, ScatterChart,
  TitleComponent, TooltipComponent, GridComponent, LegendComponent, VisualMapComponent,
  BrushComponent, ToolboxComponent, CanvasRenderer,
]);

export * from 'echarts/core';
