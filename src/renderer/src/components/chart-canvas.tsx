/**
 * One ECharts chart drawn on a canvas. The canvas renderer needs no style tags, so it runs under
 * the app's `style-src 'self'` policy; ECharts sizes its box through CSSOM, which that allows.
 * The box is an image to assistive technology, labelled with a sentence that says what it shows.
 */
import { useEffect, useRef } from 'react'
import type { EChartsCoreOption, EChartsType } from 'echarts/core'
import { init, use } from 'echarts/core'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
])

export function ChartCanvas({
  option,
  label,
  chartRef,
  testId,
}: {
  option: EChartsCoreOption
  /** What the chart shows and its main numbers, read out instead of the picture. */
  label: string
  /** Receives the live chart, for exporting it as a picture. */
  chartRef?: { current: EChartsType | null }
  testId?: string
}) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsType | null>(null)

  useEffect(() => {
    const element = box.current
    if (!element) return
    const instance = init(element, null, { renderer: 'canvas' })
    chart.current = instance
    if (chartRef) chartRef.current = instance
    // Marks the box once a frame is drawn, for tests and the benchmark to wait on.
    instance.on('finished', () => element.setAttribute('data-rendered', 'true'))
    const resize = new ResizeObserver(() => instance.resize())
    resize.observe(element)
    return () => {
      resize.disconnect()
      instance.dispose()
      chart.current = null
      if (chartRef) chartRef.current = null
    }
  }, [chartRef])

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return (
    <div ref={box} className="chart-canvas" role="img" aria-label={label} data-testid={testId} />
  )
}
