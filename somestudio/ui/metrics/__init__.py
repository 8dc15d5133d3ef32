"""The Metrics page: filters, totals with change, followers and post charts, top posts,
the weekday × hour heatmap, insights, manual numbers and the monthly report."""
