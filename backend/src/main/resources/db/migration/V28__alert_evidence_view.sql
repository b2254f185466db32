-- The dashboard view that draws an alert's figure (e.g. /province/01?period=today&show=outages), next to the API
-- path kept in "evidence": people follow the view, programs the API. Alerts stored before have none.
ALTER TABLE alert ADD COLUMN evidence_view text;
