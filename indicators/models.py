"""KPIs, streefcijfers and measurements: see the KPI issue. Empty until then."""
