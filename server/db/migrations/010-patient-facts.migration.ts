/**
 * A date of birth worked out from an age is marked estimated ("about 58"), and allergies are "not
 * recorded" until someone records "none known" or a list (shared/rules/patient-facts.ts). Patients
 * with an empty list so far were never asked as far as anyone can tell: they become "not recorded".
 * Frozen once released.
 */
export const patientFactsMigration = {
  name: '010-patient-facts',
  sql: `
    ALTER TABLE patients ADD COLUMN dateOfBirthEstimated INTEGER NOT NULL DEFAULT 0
      CHECK (dateOfBirthEstimated IN (0,1));
    ALTER TABLE patients ADD COLUMN allergiesRecorded INTEGER NOT NULL DEFAULT 0
      CHECK (allergiesRecorded IN (0,1));
    UPDATE patients SET allergiesRecorded = 1 WHERE json_array_length(allergies) > 0;
  `,
};
