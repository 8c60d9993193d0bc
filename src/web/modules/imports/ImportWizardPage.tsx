import { Button, Group, Stack, Stepper, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSettings, Uploaded } from './api.ts';
import { CheckStep } from './CheckStep.tsx';
import { MappingStep } from './MappingStep.tsx';
import { RunStep } from './RunStep.tsx';
import { UploadStep } from './UploadStep.tsx';

/**
 * `/import`: the import wizard. Upload → what was detected and the column mapping → the
 * duplicate rule, preview and dry run → the run with its progress, summary, error report and
 * undo. The server decides everything (detection, guesses, checks); this shows it.
 */
export function ImportWizardPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('imports:title')} · ${t('common:appName')}`);
  const [step, setStep] = useState(0);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [settings, setSettings] = useState<RunSettings | null>(null);

  function onUploaded(file: Uploaded) {
    const object = file.guesses.object ?? Object.keys(file.guesses.targets)[0] ?? 'company';
    setUploaded(file);
    setSettings({ object, mapping: file.guesses.mappings[object] ?? {}, duplicates: 'update' });
    setStep(1);
  }

  function restart() {
    setUploaded(null);
    setSettings(null);
    setStep(0);
  }

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('imports:title')}
      </Title>
      <Stepper
        active={step}
        allowNextStepsSelect={false}
        onStepClick={(index) => index < step && step < 3 && setStep(index)}
      >
        <Stepper.Step label={t('imports:steps.upload')}>
          <UploadStep onUploaded={onUploaded} />
        </Stepper.Step>
        <Stepper.Step label={t('imports:steps.mapping')}>
          {uploaded && settings && (
            <Stack gap="md">
              <MappingStep uploaded={uploaded} settings={settings} onChange={setSettings} />
              <Group>
                <Button variant="default" onClick={restart}>
                  {t('imports:steps.back')}
                </Button>
                <Button onClick={() => setStep(2)}>{t('imports:steps.next')}</Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Step label={t('imports:steps.check')}>
          {uploaded && settings && (
            <Stack gap="md">
              <CheckStep
                importId={uploaded.id}
                settings={settings}
                onChange={setSettings}
                onStarted={() => setStep(3)}
              />
              <Group>
                <Button variant="default" onClick={() => setStep(1)}>
                  {t('imports:steps.back')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Step label={t('imports:steps.run')}>
          {uploaded && <RunStep importId={uploaded.id} onAnother={restart} />}
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}
