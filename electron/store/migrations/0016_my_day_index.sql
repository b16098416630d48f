-- My day (electron/core/playbook/playbookService.ts) reads every open lead of a person — ≈ 3,800 at 250,000 leads —
-- to compute each one's next step: fetched from the table, one page per lead, that took ≈ 60 ms. This partial index
-- holds the open leads only (its WHERE is the service's OPEN condition, word for word) with every column the step and
-- the row need, so the read is a walk of a few contiguous pages.
CREATE INDEX `leads_my_day` ON `leads` (`assignee_id`, `id`, `number`, `version`, `first_name`, `last_name`, `lead_type`,
  `status`, `frozen`, `source`, `campaign`, `assignee_name`, `assigned_at`, `contact_attempts`, `phone`, `other_phone`,
  `email`, `language`, `country`, `appointment_at`, `preferred_at_1`, `preferred_at_2`, `preferred_at_3`, `consent_email`,
  `consent_direct_marketing`, `consent_profiling`, `consent_phone`, `consent_post`, `consent_sms`, `consent_fax`,
  `consent_social`)
  WHERE status IN ('assigned', 'appointment') AND (status = 'assigned' OR frozen = 0);
